package dev.gtvpc.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One policy statement. Every element is optional in the model because real documents leave them
 * out (the AWS page's first example has no Principal): whether that is allowed is lint's question.
 * {@code elementOrder} is the order the elements were written in; the writer follows it.
 */
public record Statement(
        Optional<String> sid,
        Optional<Effect> effect,
        Optional<PrincipalBlock> principal,
        Optional<ActionBlock> action,
        Optional<ResourceBlock> resource,
        Optional<Condition> condition,
        List<StatementElement> elementOrder) {

    public Statement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(condition, "condition");
        elementOrder = ElementOrder.normalize(elementOrder, present(sid, effect, principal, action, resource, condition),
                StatementElement.class);
    }

    private static Set<StatementElement> present(Optional<String> sid, Optional<Effect> effect,
            Optional<PrincipalBlock> principal, Optional<ActionBlock> action, Optional<ResourceBlock> resource,
            Optional<Condition> condition) {
        Set<StatementElement> present = EnumSet.noneOf(StatementElement.class);
        sid.ifPresent(s -> present.add(StatementElement.SID));
        effect.ifPresent(e -> present.add(StatementElement.EFFECT));
        principal.ifPresent(p -> present.add(p.negated() ? StatementElement.NOT_PRINCIPAL : StatementElement.PRINCIPAL));
        action.ifPresent(a -> present.add(a.negated() ? StatementElement.NOT_ACTION : StatementElement.ACTION));
        resource.ifPresent(r -> present.add(r.negated() ? StatementElement.NOT_RESOURCE : StatementElement.RESOURCE));
        condition.ifPresent(c -> present.add(StatementElement.CONDITION));
        return present;
    }

    /** How a statement is named to a user: its Sid, or its position when it has none. */
    public String label(int index) {
        return label(sid, index);
    }

    public static String label(Optional<String> sid, int index) {
        return sid.filter(s -> !s.isEmpty()).orElse("#" + index);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.sid = sid;
        b.effect = effect;
        b.principal = principal;
        b.action = action;
        b.resource = resource;
        b.condition = condition;
        b.elementOrder = elementOrder;
        return b;
    }

    /** Builds a statement; elements come out in canonical order unless an order is given. */
    public static final class Builder {
        private Optional<String> sid = Optional.empty();
        private Optional<Effect> effect = Optional.empty();
        private Optional<PrincipalBlock> principal = Optional.empty();
        private Optional<ActionBlock> action = Optional.empty();
        private Optional<ResourceBlock> resource = Optional.empty();
        private Optional<Condition> condition = Optional.empty();
        private List<StatementElement> elementOrder = List.of();

        public Builder sid(String sid) {
            this.sid = Optional.ofNullable(sid);
            return this;
        }

        public Builder effect(Effect effect) {
            this.effect = Optional.ofNullable(effect);
            return this;
        }

        public Builder principal(PrincipalBlock principal) {
            this.principal = Optional.ofNullable(principal);
            return this;
        }

        public Builder action(ActionBlock action) {
            this.action = Optional.ofNullable(action);
            return this;
        }

        public Builder resource(ResourceBlock resource) {
            this.resource = Optional.ofNullable(resource);
            return this;
        }

        public Builder condition(Condition condition) {
            this.condition = Optional.ofNullable(condition);
            return this;
        }

        public Builder elementOrder(List<StatementElement> elementOrder) {
            this.elementOrder = List.copyOf(elementOrder);
            return this;
        }

        public Statement build() {
            return new Statement(sid, effect, principal, action, resource, condition, elementOrder);
        }
    }
}
