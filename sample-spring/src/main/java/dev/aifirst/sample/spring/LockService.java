package dev.aifirst.sample.spring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The property's smart locks (here: in memory), which the door-code workflow programs. */
@Service
public class LockService {

    private static final Logger LOG = LoggerFactory.getLogger(LockService.class);

    private final Map<String, String> codes = new ConcurrentHashMap<>();

    public void install(String door, String code) {
        codes.put(door, code);
        LOG.info("Lock of {} opens with {}", door, code);
    }

    public void revoke(String door, String code) {
        codes.remove(door, code);
        LOG.info("Lock of {} no longer opens with {}", door, code);
    }

    /** The code that opens {@code door} now, or {@code null}. */
    public String code(String door) {
        return codes.get(door);
    }
}
