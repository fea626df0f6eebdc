package dev.lambdadeploy.shim;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/** Finds the actual type arguments a class gives a generic interface (e.g. RequestHandler&lt;I, O&gt;), through superclasses. */
final class TypeArguments {
    private TypeArguments() {}

    static Type[] of(Class<?> cls, Class<?> iface) {
        return search(cls, iface, new HashMap<>());
    }

    private static Type[] search(Type type, Class<?> iface, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Type[] args;
        if (type instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) type;
            raw = (Class<?>) p.getRawType();
            args = p.getActualTypeArguments().clone();
            TypeVariable<?>[] vars = raw.getTypeParameters();
            for (int i = 0; i < args.length; i++) {
                args[i] = bind(args[i], outer);
                bindings.put(vars[i], args[i]);
            }
        } else if (type instanceof Class) {
            raw = (Class<?>) type;
            args = raw.getTypeParameters();
        } else {
            return null;
        }
        if (raw == iface) {
            return args;
        }
        for (Type i : raw.getGenericInterfaces()) {
            Type[] found = search(i, iface, bindings);
            if (found != null) {
                return found;
            }
        }
        Type sup = raw.getGenericSuperclass();
        return sup == null ? null : search(sup, iface, bindings);
    }

    private static Type bind(Type t, Map<TypeVariable<?>, Type> bindings) {
        return t instanceof TypeVariable && bindings.containsKey(t) ? bindings.get(t) : t;
    }
}
