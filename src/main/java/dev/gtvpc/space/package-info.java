/**
 * The request space: every request gtvpc puts to a policy, as equivalence classes, and the one set of
 * values it invents for them ({@link dev.gtvpc.space.Witnesses}). Verify enumerates the classes; lint,
 * apply's access diff, the lock-out check and audit ask for named members of them; none invents a
 * request of its own.
 *
 * <h2>Why one request per class decides every request</h2>
 *
 * The evaluator ({@code dev.gtvpc.eval}) computes a decision from nothing but these truth values:
 * whether each Action/NotAction pattern matches the action; whether each Resource/NotResource pattern
 * matches the resource; whether each Principal/NotPrincipal entry names each identity of the caller
 * (the caller, its role, its account); and, for each condition key, whether the key is present and how
 * each operator compares each of its values with the policy's values. Two requests that agree on all
 * of them get the same decision. {@link dev.gtvpc.space.RequestSpace} therefore holds, per dimension,
 * one value for each vector of such truth values that a concrete value can produce:
 * <ul>
 * <li><b>Action</b>: every action of the S3 catalogue, grouped by the patterns that match it and by
 *     whether it acts on objects or the bucket. Exact for the catalogued actions; an unlisted action
 *     stands for actions added to S3 since, which no concrete name in a policy can match.</li>
 * <li><b>Origin</b>: the internet, with {@code aws:SourceIp} in each class the policy's ranges and the
 *     {@code --cidr} ranges cut (their first and last addresses and the ones just outside; an IPv4 and an
 *     IPv6 address besides); every endpoint and VPC the policy or the inputs name (VPCs also from
 *     {@code aws:SourceVpcArn} values), grouped by their comparison with the policy's values, with the
 *     endpoint's owner ({@code aws:VpceAccount}, {@code aws:VpceOrgID}: the bucket's account for the user's
 *     endpoints, an AWS account for a service's, an outsider, and the owners the policy names), the VPC's
 *     ARN, and {@code aws:VpcSourceIp} classes; a fresh endpoint and a fresh VPC, which stand for every
 *     value equal to none of them; and an AWS service's network, where no network key is set. S3 sets
 *     these keys together (an endpoint request has no {@code aws:SourceIp}), so the space never pairs them
 *     otherwise. Under the String operators a value's comparisons are fixed by which literal it equals, so
 *     this is exact. A {@code Like} pattern on these keys is covered by one witness: sampled.</li>
 * <li><b>Principal</b>: each ARN the policy or the inputs name (and a session of each role, whose
 *     {@code aws:PrincipalArn} is the role's, path included; an {@code aws:PrincipalArn} pattern with a
 *     wildcard account stands for a witness in each account the space knows), a fresh principal of each
 *     named account, a principal of an account nobody names, and anonymous; each with the keys AWS derives
 *     ({@code aws:PrincipalIsAWSService} false, {@code aws:ViaAWSService} false, and the organization keys:
 *     members of the bucket account's organization carry it, everyone else is tried in none and, where a
 *     policy tests it, in another); AWS service principals (the ones the policy names and a fresh one),
 *     which come only from a service's network; and requests an AWS service forwards for a principal
 *     ({@code aws:ViaAWSService} true, {@code aws:CalledVia}), from a service's network or with the
 *     principal's own {@code aws:SourceIp}. Principal matching compares identities for equality only (no
 *     wildcards: IAM has none there), so this is exact.</li>
 * <li><b>Resource</b>: the bucket, and object keys: a fresh key plus a witness for each object pattern
 *     the policy names in the bucket. Exact when those patterns are {@code bucket/*} or literal keys;
 *     with wildcard patterns inside a key, a key matching several at once is sampled.</li>
 * <li><b>Other condition keys</b>: absent, each value the policy names (and its upper-case form under
 *     {@code IgnoreCase} operators), a fresh value; for numbers and dates each literal and its
 *     neighbours on both sides; for IP keys the first and last address of each CIDR range and the
 *     addresses just outside; for {@code Bool} and {@code Null}, true and false. Exact for these
 *     operators; {@code Like} patterns get one witness each, and multivalued keys are tried one value at
 *     a time: both sampled.</li>
 * </ul>
 * The other condition keys are enumerated in full up to 256 contexts; beyond that each value is tried
 * alone and 256 random combinations are added. Policy variables are resolved from the values the space
 * holds. Whenever anything is sampled, {@link dev.gtvpc.space.RequestSpace#samplingNotes()} says what.
 *
 * <h2>Named members, for the commands that try a few requests</h2>
 *
 * Lint asks "what does the policy decide for someone working normally": the internet at an address
 * no range names ({@link dev.gtvpc.space.RequestSpace#normalInternet()}), an endpoint and VPC no policy
 * names ({@link dev.gtvpc.space.RequestSpace#normalThrough}), an administrator of the bucket's account
 * ({@link dev.gtvpc.space.RequestSpace#principalOf}), a stranger, anonymous. Each is a member of a class
 * above, so a request lint treats as outside is one verify's {@code outside-denied} checks, with the same
 * decision.
 */
package dev.gtvpc.space;
