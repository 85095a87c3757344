package dev.aifirst.spring;

import dev.aifirst.spi.Instances;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * Spring beans as the objects whose annotated methods the runtime calls. A handler or workflow class
 * that is a bean is asked for at each call, so its scope is the bean's; one that is not a bean is
 * created once by the bean factory, with constructor injection and the usual callbacks, and destroyed
 * with the context.
 */
final class SpringInstances implements Instances, DisposableBean {

    private final AutowireCapableBeanFactory beanFactory;
    private final Map<Class<?>, Object> created = new ConcurrentHashMap<>();

    SpringInstances(AutowireCapableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public <T> T get(Class<T> type, Supplier<T> fallback) {
        // Two beans of the class and none primary is ambiguous: getIfAvailable says so, naming them.
        T bean = beanFactory.getBeanProvider(type).getIfAvailable();
        if (bean != null) {
            return bean;
        }
        return type.cast(created.computeIfAbsent(type, beanFactory::createBean));
    }

    @Override
    public void destroy() {
        created.values().forEach(beanFactory::destroyBean);
        created.clear();
    }
}
