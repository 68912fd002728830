/**
 * The network-perimeter resource control policy (RCP) of AWS's data-perimeter guidance
 * (aws-samples/data-perimeter-policy-examples, {@code resource_control_policies/network_perimeter_vpceorgid_rcp.json}):
 * written with the exceptions a user names ({@link NetworkRcp}), and proved against itself with the
 * layered verifier ({@link NetworkRcpCheck}), as {@code groundtruth} proves the bucket policies it writes. Part of the engine: the endpoints of a service that must
 * get in (Ground Truth's) are given to it by the command line, never looked up here.
 */
package dev.gtvpc.rcp;
