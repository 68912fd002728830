package dev.gtvpc.layers;

import dev.gtvpc.eval.PolicyGrammar;

/**
 * The policy types AWS asks about a request to an S3 bucket, each with its documented scope
 * (IAM User Guide, reference_policies_evaluation-logic_policy-eval-denyallow.html; AWS Organizations
 * User Guide, orgs_manage_policies_rcps.html and orgs_manage_policies_scps.html; AWS PrivateLink Guide,
 * vpc-endpoints-access.html).
 */
public enum Layer {
    /** Resource control policies of the bucket account's chain (root, OUs, account): Deny only. */
    RCP("rcp", PolicyGrammar.RESOURCE),
    /** Service control policies of the principal account's chain: an Allow at every level, no Deny. */
    SCP("scp", PolicyGrammar.PRINCIPAL_ATTACHED),
    /** The policy of the VPC endpoint the request passes: an Allow is needed, it grants nothing. */
    ENDPOINT("endpoint", PolicyGrammar.ENDPOINT),
    /** The bucket policy: grants, and denies. */
    BUCKET("bucket", PolicyGrammar.RESOURCE),
    /** The principal's identity policies: grant, and deny. */
    IDENTITY("identity", PolicyGrammar.PRINCIPAL_ATTACHED);

    private final String word;
    private final PolicyGrammar grammar;

    Layer(String word, PolicyGrammar grammar) {
        this.word = word;
        this.grammar = grammar;
    }

    /** The layer as the command line and the case files name it. */
    public String word() {
        return word;
    }

    /** How the layer's statements name who they are about. */
    public PolicyGrammar grammar() {
        return grammar;
    }
}
