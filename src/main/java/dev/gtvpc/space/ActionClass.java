package dev.gtvpc.space;

/** One action standing for every action that matches the same patterns, with the resource it acts on. */
public record ActionClass(String action, boolean onObjects) {
}
