package dev.gtvpc.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An IAM policy document as bucket policies use it. {@code statementIsObject} records that the
 * document wrote {@code "Statement": {...}} rather than an array; {@code elementOrder} the order of
 * the top-level elements. Both only matter for writing the document back as it was.
 */
public record Policy(
        Optional<String> version,
        Optional<String> id,
        List<Statement> statements,
        boolean statementIsObject,
        boolean hasStatementElement,
        List<PolicyElement> elementOrder) {

    /** The current policy language version; the only one under which policy variables work. */
    public static final String VERSION_2012 = "2012-10-17";
    public static final String VERSION_2008 = "2008-10-17";

    public Policy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        statements = List.copyOf(statements);
        if (statementIsObject && statements.size() != 1) {
            throw new IllegalArgumentException("a Statement object holds exactly one statement");
        }
        if (!hasStatementElement && !statements.isEmpty()) {
            throw new IllegalArgumentException("statements without a Statement element");
        }
        Set<PolicyElement> present = EnumSet.noneOf(PolicyElement.class);
        version.ifPresent(v -> present.add(PolicyElement.VERSION));
        id.ifPresent(i -> present.add(PolicyElement.ID));
        if (hasStatementElement) {
            present.add(PolicyElement.STATEMENT);
        }
        elementOrder = ElementOrder.normalize(elementOrder, present, PolicyElement.class);
    }

    /** Policy variables such as {@code ${aws:username}} are substituted only under version 2012-10-17. */
    public boolean supportsPolicyVariables() {
        return version.filter(VERSION_2012::equals).isPresent();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.version = version;
        b.id = id;
        b.statements = new ArrayList<>(statements);
        b.statementIsObject = statementIsObject;
        b.hasStatementElement = hasStatementElement;
        b.elementOrder = elementOrder;
        return b;
    }

    /** Builds a policy; version 2012-10-17 and a Statement array unless told otherwise. */
    public static final class Builder {
        private Optional<String> version = Optional.of(VERSION_2012);
        private Optional<String> id = Optional.empty();
        private List<Statement> statements = new ArrayList<>();
        private boolean statementIsObject;
        private boolean hasStatementElement = true;
        private List<PolicyElement> elementOrder = List.of();

        public Builder version(String version) {
            this.version = Optional.ofNullable(version);
            return this;
        }

        public Builder id(String id) {
            this.id = Optional.ofNullable(id);
            return this;
        }

        public Builder statement(Statement statement) {
            statements.add(statement);
            hasStatementElement = true;
            return this;
        }

        public Builder statements(List<Statement> statements) {
            this.statements = new ArrayList<>(statements);
            return this;
        }

        public Builder statementIsObject(boolean statementIsObject) {
            this.statementIsObject = statementIsObject;
            return this;
        }

        public Builder hasStatementElement(boolean hasStatementElement) {
            this.hasStatementElement = hasStatementElement;
            return this;
        }

        public Builder elementOrder(List<PolicyElement> elementOrder) {
            this.elementOrder = List.copyOf(elementOrder);
            return this;
        }

        public Policy build() {
            return new Policy(version, id, statements, statementIsObject, hasStatementElement, elementOrder);
        }
    }
}
