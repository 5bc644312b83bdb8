package cn.outbound.rules.engine;

/**
 * Deployment settings of the engine.
 *
 * @param countExemptBases whether persons exported under an exempt basis (arts. 4 and 5(1)-(3)) count toward the
 * cumulative thresholds. No official text settles it; the default is {@code false} (spec/scenario-v1.md), and a
 * decision made with {@code true} says so.
 */
public record EngineSettings(boolean countExemptBases) {

	public static final EngineSettings DEFAULT = new EngineSettings(false);

}
