namespace Uppsikt.Domain.Reviews;

/// <summary>How a review's step is named on its timeline.</summary>
public static class ReviewSteps
{
    /// <summary>
    /// The step's name in Swedish. A review without a visit (a spot check or a contract follow-up made on the documents) has its
    /// evidence reviewed where another has its visit made, so its "visit done" step says so.
    /// </summary>
    public static string Name(ReviewStepKind kind, VisitMode visitMode) =>
        kind == ReviewStepKind.VisitDone && visitMode == VisitMode.None ? "Underlaget granskades" : DisplayNames.Of(kind);
}
