/// The knobs of `conflict`: those of `gold_position` (passages shown, positions of the
/// counterfactual context, distractor order), with `baselines` adding the closed-book run only.
public typealias ConflictKnobs = GoldPositionKnobs
