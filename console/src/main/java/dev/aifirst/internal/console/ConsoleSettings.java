package dev.aifirst.internal.console;

import java.time.Duration;

/**
 * How a console is configured.
 *
 * @param readOnly whether actions are refused whatever the token
 * @param token the secret a caller shows ({@code Authorization: Bearer <token>}) to act, or to see
 *     details when {@code detailsNeedToken}; {@code null} when none is configured
 * @param detailsNeedToken whether contexts, results and stack traces are shown only to a caller with the token
 * @param refreshInterval how often the live overview is sent again
 * @param classLoader where entity classes named in queries are looked up
 */
public record ConsoleSettings(boolean readOnly, String token, boolean detailsNeedToken, Duration refreshInterval,
        ClassLoader classLoader) {

    public ConsoleSettings {
        if (detailsNeedToken && token == null) {
            throw new IllegalStateException("details shown only with a token need a token: configure one with token(...)");
        }
    }
}
