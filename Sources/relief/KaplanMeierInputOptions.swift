import ArgumentParser

/// What `relief summary` and `relief curves` read and how they estimate: the input, the groups and the
/// Kaplan–Meier confidence intervals.
struct KaplanMeierInputOptions: ParsableArguments {
    @OptionGroup var input: InputOptions<AllColumns>
    @OptionGroup(title: "Groups") var grouping: GroupingOptions
    @OptionGroup(title: "Confidence intervals") var confidence: ConfidenceOptions
}
