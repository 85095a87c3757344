package dev.aifirst.spring.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** A bean that handlers and workflows receive by constructor injection, and write to. */
@Component
public class Guestbook {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public void write(String line) {
        lines.add(line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
