package cn.outbound.rules.pack;

import cn.outbound.rules.Mechanism;

/**
 * What a scenario flag (stateSecrets, coreData, governmentData, notifiedImportantData) calls for.
 *
 * @param ciioRule the rule cited instead when the processor is a CIIO, or {@code null}
 */
public record FlagRule(String flag, Mechanism mechanism, String rule, String ciioRule) {
}
