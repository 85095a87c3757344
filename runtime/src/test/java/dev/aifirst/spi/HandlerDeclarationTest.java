package dev.aifirst.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the generated code's factory and withers declare, and the namespaces a declaration refuses. */
class HandlerDeclarationTest {

    private static final RetryPolicy RETRY = new RetryPolicy(5, Duration.ofSeconds(5), 2.0, Duration.ofHours(1));
    private static final HandlerDeclaration SEND_WELCOME = HandlerDeclaration.of("com.example.Welcome#send",
            Object.class, "reservation_confirmed", Duration.ZERO, RETRY);

    @Test
    void theFactoryDeclaresAHandlerOfEveryNamespaceThatRespectsClaims() {
        assertThat(SEND_WELCOME.namespace()).isEqualTo(HandlerDeclaration.ALL_NAMESPACES).isEqualTo("*");
        assertThat(SEND_WELCOME.ignoresClaims()).isFalse();
    }

    @Test
    void withersChangeOnlyWhatTheyName() {
        HandlerDeclaration declaration = SEND_WELCOME.inNamespace("tenant-a").ignoringClaims();
        assertThat(declaration).isEqualTo(new HandlerDeclaration("com.example.Welcome#send", Object.class,
                "reservation_confirmed", Duration.ZERO, RETRY, "tenant-a", true));
    }

    @Test
    void aMissingNamespaceIsRefusedNamingTheHandler() {
        assertThatThrownBy(() -> SEND_WELCOME.inNamespace(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the handler com.example.Welcome#send needs a namespace, or \"*\" for every namespace;"
                        + " was \" \"");
        assertThatThrownBy(() -> SEND_WELCOME.inNamespace(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("was null");
    }
}
