package io.tributary.api.tenancy;

/** A member's role in a project; each includes the rights of the ones after it. */
public enum Role {
    owner, operator, viewer;

    public boolean allows(Role required) {
        return this.ordinal() <= required.ordinal();
    }
}
