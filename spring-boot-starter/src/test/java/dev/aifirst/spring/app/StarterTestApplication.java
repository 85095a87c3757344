package dev.aifirst.spring.app;

import dev.aifirst.spring.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** An application with the starter: entities with events, handlers and workflows, some beans, some not. */
@SpringBootApplication
public class StarterTestApplication {

    /** A fresh database per context: H2, or a PostgreSQL schema dropped when the context closes. */
    @Bean
    DataSource dataSource() {
        return TestDatabase.create();
    }
}
