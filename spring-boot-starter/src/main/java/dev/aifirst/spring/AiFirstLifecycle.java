package dev.aifirst.spring;

import dev.aifirst.AiFirst;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the runtime's workers when the context has started its singletons, and stops them first
 * when it closes: the runtime is wired at bean creation (entity changes become events from then on),
 * but executes work only between the two. Work still running at the stop finishes first.
 */
final class AiFirstLifecycle implements SmartLifecycle {

    private final AiFirst runtime;

    AiFirstLifecycle(AiFirst runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start() {
        runtime.start();
    }

    /** A stopped runtime does not start again: a context that is stopped and restarted needs a new one. */
    @Override
    public void stop() {
        runtime.close();
    }

    @Override
    public boolean isRunning() {
        return runtime.isRunning();
    }
}
