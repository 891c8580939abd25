package eventshop.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps wire type names to event classes. Derived from the sealed {@link DomainEvent}, so it cannot miss one. */
public final class EventTypes {

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = Arrays
            .stream(DomainEvent.class.getPermittedSubclasses())
            .map(EventTypes::asEventClass)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Optional<Class<? extends DomainEvent>> byName(String type) {
        return Optional.ofNullable(type).map(BY_NAME::get);
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends DomainEvent> asEventClass(Class<?> type) {
        return (Class<? extends DomainEvent>) type;
    }
}
