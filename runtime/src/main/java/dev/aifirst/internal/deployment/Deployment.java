package dev.aifirst.internal.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of the registrations the processor generated a runtime deploys: every one its class loader
 * finds, or only those of the classes and packages the application listed
 * ({@code AiFirst.builder().only(...)}, {@code onlyPackages(...)}), so that two runtimes on one class
 * path each run their own handlers and workflows.
 *
 * <p>The registries ask {@link #includes} about each class that declares something; a listed class
 * or package that no registry asked about is a mistake that {@link #requireEverythingListedFound}
 * reports once they are all built.
 */
public final class Deployment {

    private final ClassLoader classLoader;
    /** Binary names of the listed classes; empty with no packages: everything is deployed. */
    private final Set<String> classes;
    private final Set<String> packages;
    /** The listed classes and packages that matched a registration. */
    private final Set<String> found = ConcurrentHashMap.newKeySet();

    private Deployment(ClassLoader classLoader, Set<String> classes, Set<String> packages) {
        this.classLoader = classLoader;
        this.classes = classes;
        this.packages = packages;
    }

    /**
     * Only the registrations of {@code classes} and of the classes in {@code packages} or below them;
     * everything if both are empty.
     */
    public static Deployment only(ClassLoader classLoader, List<Class<?>> classes, List<String> packages) {
        Set<String> classNames = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            classNames.add(type.getName());
        }
        return new Deployment(classLoader, classNames, new LinkedHashSet<>(packages));
    }

    /** The generated registrations of {@code service} on the class path, before narrowing. */
    public <S> Iterable<S> registrations(Class<S> service) {
        return ServiceLoader.load(service, classLoader);
    }

    /**
     * Whether what the class named {@code className} (a binary name, {@code com.acme.Outer$Inner})
     * declares is deployed.
     */
    public boolean includes(String className) {
        if (classes.isEmpty() && packages.isEmpty()) {
            return true;
        }
        boolean included = false;
        if (classes.contains(className)) {
            found.add(className);
            included = true;
        }
        String packageName = packageOf(className);
        for (String listed : packages) {
            if (packageName.equals(listed) || packageName.startsWith(listed + ".")) {
                found.add(listed);
                included = true;
            }
        }
        return included;
    }

    /** Whether only some registrations are deployed. */
    public boolean narrowed() {
        return !classes.isEmpty() || !packages.isEmpty();
    }

    /**
     * @throws IllegalStateException naming each listed class with no generated registration, and each
     *     listed package in which none was found
     */
    public void requireEverythingListedFound() {
        List<String> problems = new ArrayList<>();
        for (String type : classes) {
            if (!found.contains(type)) {
                problems.add(type + " has no @OnEvent method and is no @Workflow that the processor registered");
            }
        }
        for (String listed : packages) {
            if (!found.contains(listed)) {
                problems.add("package " + listed + " (and below) holds no @OnEvent handler and no @Workflow that the"
                        + " processor registered");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("AiFirst.builder().only(...) lists what this runtime cannot deploy: "
                    + String.join("; ", problems) + " (is aifirst-processor on the compiler's annotationProcessorPaths"
                    + " of the module that compiles it?)");
        }
    }

    @Override
    public String toString() {
        return narrowed() ? "only " + classes + " and packages " + packages : "everything";
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
