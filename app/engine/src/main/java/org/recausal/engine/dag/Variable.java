package org.recausal.engine.dag;

import java.util.Objects;

/** A node of the causal graph: an immutable value, replaced (not mutated) when edited. */
public record Variable(String name, Role role, DataType type, String description, CanvasPosition position) {

    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        position = position == null ? CanvasPosition.ORIGIN : position;
    }

    public static Variable of(String name) {
        return new Variable(name, Role.ORDINARY, DataType.CONTINUOUS, "", CanvasPosition.ORIGIN);
    }

    public static Variable of(String name, Role role, DataType type) {
        return new Variable(name, role, type, "", CanvasPosition.ORIGIN);
    }

    public Variable withName(String newName) {
        return new Variable(newName, role, type, description, position);
    }

    public Variable withRole(Role newRole) {
        return new Variable(name, newRole, type, description, position);
    }

    public Variable withType(DataType newType) {
        return new Variable(name, role, newType, description, position);
    }

    public Variable withDescription(String newDescription) {
        return new Variable(name, role, type, newDescription, position);
    }

    public Variable withPosition(CanvasPosition newPosition) {
        return new Variable(name, role, type, description, newPosition);
    }

    public Variable at(double x, double y) {
        return withPosition(new CanvasPosition(x, y));
    }

    public boolean isLatent() {
        return role == Role.LATENT;
    }
}
