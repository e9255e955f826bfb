package org.recausal.engine.mapping;

/**
 * One column standing for one node.
 *
 * @param explicit whether the analyst chose the link (otherwise it was made by name)
 */
public record MappingLink(String column, String node, boolean explicit) {
}
