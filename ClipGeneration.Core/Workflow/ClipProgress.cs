namespace ClipGeneration.Core.Workflow;

/// <summary>The orchestration's custom status: what a client polling the instance sees while it runs.</summary>
/// <param name="Step">The step in progress (<see cref="ClipWorkflowSteps"/>).</param>
/// <param name="SegmentsDone">Ranges extracted so far.</param>
/// <param name="SegmentsTotal">Ranges requested.</param>
public sealed record ClipProgress(string Step, int SegmentsDone, int SegmentsTotal);
