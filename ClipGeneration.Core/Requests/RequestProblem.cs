namespace ClipGeneration.Core.Requests;

/// <summary>One thing wrong with a request: where (a JSON path such as <c>segments[1].endTime</c>) and why.</summary>
/// <param name="Field">The path of the offending field; <c>$</c> for the whole document.</param>
/// <param name="Reason">What is wrong, quoting the bad value where that helps.</param>
public sealed record RequestProblem(string Field, string Reason)
{
    /// <summary>Returns the same problem with its field placed under <paramref name="prefix"/> (e.g. <c>detail</c>).</summary>
    public RequestProblem Under(string prefix)
        => string.IsNullOrEmpty(prefix) ? this
            : this with { Field = Field == "$" ? prefix : Field.StartsWith('[') ? prefix + Field : $"{prefix}.{Field}" };

    public override string ToString() => $"{Field}: {Reason}";
}
