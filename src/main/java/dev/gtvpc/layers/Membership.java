package dev.gtvpc.layers;

/** Where an account stands in the organization whose SCPs and RCPs are given. */
public enum Membership {
    /** A member account: the organization's SCPs reach its principals, its RCPs its resources. */
    MEMBER,
    /** The management account: neither SCPs nor RCPs reach it (orgs_manage_policies_scps.html, orgs_manage_policies_rcps.html). */
    MANAGEMENT,
    /** An account of no organization, or of another one: the given SCPs and RCPs are not its. */
    OUTSIDE
}
