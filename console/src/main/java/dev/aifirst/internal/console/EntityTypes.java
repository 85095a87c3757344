package dev.aifirst.internal.console;

/** Entity classes named in queries (the class name the runtime stores with each event and run). */
final class EntityTypes {

    private final ClassLoader classLoader;

    EntityTypes(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** The class named by the parameter {@code field}, or {@code null} when {@code name} is. */
    Class<?> resolve(String field, String name) {
        if (name == null) {
            return null;
        }
        try {
            // Not initialized: naming a class in a query must not run its static code.
            return Class.forName(name, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw HttpError.badRequest(field, "no class '" + name + "' is known to the console; give the entity's full"
                    + " class name, as events and runs show it");
        }
    }
}
