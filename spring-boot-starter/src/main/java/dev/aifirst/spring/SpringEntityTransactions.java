package dev.aifirst.spring;

import dev.aifirst.spi.EntityTransactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runtime's transactions on the application's entities (a handler's delivery, a step) as Spring
 * transactions of the application's {@code JpaTransactionManager}: a repository or a
 * {@code JdbcTemplate} that a handler calls works in the delivery's transaction, and its writes commit
 * with the delivery, exactly once; a run the handler starts joins it too.
 */
final class SpringEntityTransactions implements EntityTransactions {

    private final TransactionTemplate template;

    SpringEntityTransactions(JpaTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public <T> T inNewTransaction(EntityManagerFactory entityManagerFactory, Function<EntityManager, T> work) {
        return template.execute(status -> work.apply(
                EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory)));
    }
}
