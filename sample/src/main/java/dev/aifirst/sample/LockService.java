package dev.aifirst.sample;

import java.util.HashMap;
import java.util.Map;

/**
 * The smart-lock vendor's service, simulated: it is flaky (every new code fails twice before it is
 * accepted), as real ones are.
 */
public final class LockService {

    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, String> activeCodes = new HashMap<>();

    public synchronized void install(String door, String code) {
        int attempt = attempts.merge(door + "/" + code, 1, Integer::sum);
        if (attempt <= 2) {
            throw new IllegalStateException("lock " + door + " did not answer (attempt " + attempt + ")");
        }
        activeCodes.put(door, code);
    }

    public synchronized void revoke(String door, String code) {
        activeCodes.remove(door, code);
    }

    public synchronized Map<String, String> activeCodes() {
        return Map.copyOf(activeCodes);
    }
}
