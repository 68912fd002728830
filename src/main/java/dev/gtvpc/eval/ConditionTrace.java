package dev.gtvpc.eval;

/** How one condition key of one operator came out, and why, in words. */
public record ConditionTrace(String operator, String key, boolean result, String explanation) {
    @Override
    public String toString() {
        return operator + " " + key + ": " + explanation + " → " + result;
    }
}
