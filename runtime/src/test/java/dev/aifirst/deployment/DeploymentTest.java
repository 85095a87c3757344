package dev.aifirst.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aifirst.deployment.fixtures.Invoice;
import dev.aifirst.deployment.fixtures.Ledger;
import dev.aifirst.deployment.fixtures.audit.AuditHandlers;
import dev.aifirst.deployment.fixtures.audit.AuditTrail;
import dev.aifirst.deployment.fixtures.billing.BillingHandlers;
import dev.aifirst.testsupport.DatabaseTest;
import dev.aifirst.testsupport.StartedRuntime;
import dev.aifirst.testsupport.TestDatabase;
import dev.aifirst.testsupport.TestHibernate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two runtimes on one class path, each narrowed to its part of the application, run only their own
 * handlers and workflows; without narrowing, a runtime runs everything it finds.
 */
@DatabaseTest
class DeploymentTest {

    @BeforeEach
    void clearLedger() {
        Ledger.ENTRIES.clear();
    }

    @Test
    void twoRuntimesOnOneClassPathRunOnlyWhatEachWasGiven() {
        try (TestDatabase billingDb = TestDatabase.create(); TestDatabase auditDb = TestDatabase.create();
             StartedRuntime billing = StartedRuntime.start(billingDb.dataSource(),
                     b -> b.onlyPackages("dev.aifirst.deployment.fixtures.billing"), Invoice.class);
             StartedRuntime audit = StartedRuntime.start(auditDb.dataSource(),
                     b -> b.only(AuditHandlers.class, AuditTrail.class), Invoice.class)) {

            issue(billing, "Acme");
            issue(audit, "Globex");

            assertThat(Ledger.ENTRIES).containsExactlyInAnyOrder(
                    "billing Acme", "dunning Acme", // billing's package and the one below it
                    "audit Globex", "audit trail Globex");
        }
    }

    @Test
    void aPackageCanBeNamedByItsPackageObject() {
        try (TestDatabase db = TestDatabase.create();
             StartedRuntime billing = StartedRuntime.start(db.dataSource(),
                     b -> b.only(BillingHandlers.class.getPackage()), Invoice.class)) {

            issue(billing, "Acme");

            assertThat(Ledger.ENTRIES).containsExactlyInAnyOrder("billing Acme", "dunning Acme");
        }
    }

    @Test
    void withoutNarrowingEverythingOnTheClassPathRuns() {
        try (TestDatabase db = TestDatabase.create();
             StartedRuntime everything = StartedRuntime.start(db.dataSource(), UnaryOperator.identity(), Invoice.class)) {

            issue(everything, "Initech");

            assertThat(Ledger.ENTRIES).containsExactlyInAnyOrder("billing Initech", "dunning Initech",
                    "audit Initech", "audit trail Initech");
        }
    }

    @Test
    void aWorkflowLeftOutCannotBeStartedAndTheMessageSaysWhy() {
        try (TestDatabase db = TestDatabase.create();
             StartedRuntime billing = StartedRuntime.start(db.dataSource(), b -> b.only(BillingHandlers.class),
                     Invoice.class)) {

            assertThatThrownBy(() -> billing.runtime().workflows().start(AuditTrail.class, new AuditTrail.Context()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("dev.aifirst.deployment.fixtures.audit.AuditTrail is not deployed in this runtime:"
                            + " AiFirst.builder().only(...) leaves it out");
        }
    }

    @Test
    void aListedClassWithoutAGeneratedRegistrationIsRefused() {
        try (TestDatabase db = TestDatabase.create()) {
            assertThatThrownBy(() -> StartedRuntime.start(db.dataSource(),
                    b -> b.only(BillingHandlers.class, Invoice.class), Invoice.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("dev.aifirst.deployment.fixtures.Invoice has no @OnEvent method and is no"
                            + " @Workflow that the processor registered")
                    .message().doesNotContain("BillingHandlers");
        }
    }

    @Test
    void aListedPackageWithNothingInItIsRefused() {
        try (TestDatabase db = TestDatabase.create()) {
            assertThatThrownBy(() -> StartedRuntime.start(db.dataSource(),
                    b -> b.onlyPackages("dev.aifirst.deployment.fixtures.biling"), Invoice.class))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("package dev.aifirst.deployment.fixtures.biling (and below) holds no @OnEvent"
                            + " handler and no @Workflow that the processor registered");
        }
    }

    private static void issue(StartedRuntime node, String customer) {
        TestHibernate.inTransaction(node.emf(), em -> em.persist(new Invoice(customer)));
        node.time().runDue();
    }
}
