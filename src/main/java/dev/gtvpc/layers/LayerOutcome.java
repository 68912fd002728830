package dev.gtvpc.layers;

/**
 * What one layer says of a request, its scope applied first.
 * <ul>
 * <li>{@link #NOT_APPLICABLE}: the layer does not reach the request (an RCP and the management account's
 *     bucket; an SCP and anonymous; no endpoint on the path);</li>
 * <li>{@link #NOT_GIVEN}: identity policies were not given: the layer could decide but gtvpc was not told how;</li>
 * <li>{@link #PASS}: an RCP or SCP guardrail lets the request through (it never grants);</li>
 * <li>{@link #ALLOW}: an Allow applies (the endpoint's passes the request; the bucket's or an identity policy's grants it);</li>
 * <li>{@link #NOT_DENIED}: a bucket or identity policy says nothing of the request;</li>
 * <li>{@link #NO_POLICY}: the bucket has no policy;</li>
 * <li>{@link #IMPLICIT_DENY}: an SCP level or the endpoint policy has no applicable Allow;</li>
 * <li>{@link #EXPLICIT_DENY}: a Deny applies;</li>
 * <li>{@link #UNDECIDED}: gtvpc cannot evaluate a statement that could decide (the errors say which).</li>
 * </ul>
 */
public enum LayerOutcome {
    NOT_APPLICABLE, NOT_GIVEN, PASS, ALLOW, NOT_DENIED, NO_POLICY, IMPLICIT_DENY, EXPLICIT_DENY, UNDECIDED
}
