package fr.fraisdejustice.models;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/** The application's beans as the model lint sees them: ours are those of a class in {@code fr.fraisdejustice}. */
@Component
public class ModelLintBeans implements ModelLintExpressions.Beans {

    private static final String OURS = "fr.fraisdejustice.";

    private final ApplicationContext context;

    ModelLintBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean isOurs(String name) {
        Class<?> type = typeOf(name);
        return type != null && type.getName().startsWith(OURS);
    }

    @Override
    public boolean exists(String name) {
        return context.containsBean(name);
    }

    @Override
    public boolean declaresMethod(String bean, String method) {
        Class<?> type = typeOf(bean);
        if (type == null || !type.getName().startsWith(OURS)) {
            return false;
        }
        for (Method candidate : type.getMethods()) {
            if (candidate.getName().equals(method) && Modifier.isPublic(candidate.getModifiers())
                    && candidate.getDeclaringClass().getName().startsWith(OURS)) {
                return true;
            }
        }
        return false;
    }

    private Class<?> typeOf(String name) {
        if (!context.containsBean(name)) {
            return null;
        }
        Class<?> type = context.getType(name);
        return type == null ? null : ClassUtils.getUserClass(type);
    }
}
