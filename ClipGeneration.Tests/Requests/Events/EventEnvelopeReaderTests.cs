using System.Text;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using ClipGeneration.Core.Media;
using ClipGeneration.Core.Requests;
using ClipGeneration.Core.Requests.Events;

namespace ClipGeneration.Tests.Requests.Events;

public sealed class EventEnvelopeReaderTests
{
    private static readonly EventEnvelopeReader Reader = new(new ClipRequestValidator(new ClipRequestOptions { AllowedBuckets = "recordings" }));

    [Fact]
    public void Read_EventBridgeExample_RequestsTheClip()
    {
        var outcome = Assert.Single(Reader.Read(Example("eventbridge.json")));

        var requested = Assert.IsType<ClipRequested>(outcome);
        Assert.Equal(EnvelopeKind.EventBridge, requested.Kind);
        Assert.Equal("6a7e8feb-b491-4cf7-a9f1-bf3703467718", requested.EventId);
        Assert.Equal("stream42-highlight-7", requested.Request.ClipId);
        Assert.Equal("s3://recordings/stream42/2026-11-20/index.m3u8", requested.Request.Manifest.ToString());
        Assert.Equal(2, requested.Request.Segments.Count);
        Assert.Equal(250, requested.Request.Segments[1].StartTime.OffsetSeconds);
        Assert.Equal("Double save, then the equaliser", requested.Request.Title);
    }

    [Fact]
    public void Read_EventGridExample_RequestsTheClip()
    {
        var requested = Assert.IsType<ClipRequested>(Assert.Single(Reader.Read(Example("eventgrid.json"))));

        Assert.Equal(EnvelopeKind.EventGrid, requested.Kind);
        Assert.Equal("2d1781af-3a4c-4d7c-bd0c-e34b19da4e66", requested.EventId);
        Assert.Equal(ClipMode.Accurate, requested.Request.Mode);
        Assert.True(requested.Request.Segments[0].StartTime.IsInstant);
    }

    [Fact]
    public void Read_CloudEventExample_RequestsTheClip()
    {
        var requested = Assert.IsType<ClipRequested>(Assert.Single(Reader.Read(Example("cloudevent.json"))));

        Assert.Equal(EnvelopeKind.CloudEvent, requested.Kind);
        Assert.Equal("A234-1234-1234", requested.EventId);
        Assert.Equal(ClipMode.Keyframe, requested.Request.Mode);
        Assert.Equal(250, requested.Request.Segments[0].StartTime.OffsetSeconds);
    }

    [Fact]
    public void Read_BridgedEventBridgeExample_RequestsTheInnerClip()
    {
        var requested = Assert.IsType<ClipRequested>(Assert.Single(Reader.Read(Example("eventgrid-bridged-eventbridge.json"))));

        Assert.Equal(EnvelopeKind.EventGridBridgedEventBridge, requested.Kind);
        Assert.Equal("b7c3d1e2-0f4a-4c55-9a6e-2f0c9d8e7a61", requested.EventId);
        Assert.Equal("stream42-highlight-8", requested.Request.ClipId);
        Assert.Equal(610, requested.Request.Segments[0].StartTime.OffsetSeconds);
    }

    [Fact]
    public void Read_SubscriptionValidationExample_ReturnsTheCode()
    {
        var handshake = Assert.IsType<ValidationHandshake>(Assert.Single(Reader.Read(Example("eventgrid-subscription-validation.json"))));

        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", handshake.ValidationCode);
        Assert.StartsWith("https://rp-eastus2.eventgrid.azure.net", handshake.ValidationUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryExampleFile_IsUnderstood()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "events"), "*.json");

        Assert.Equal(5, files.Length);
        foreach (var file in files)
        {
            var outcomes = Reader.Read(BinaryData.FromBytes(File.ReadAllBytes(file)));
            Assert.All(outcomes, o => Assert.True(o is ClipRequested or ValidationHandshake, $"{Path.GetFileName(file)}: {o}"));
        }
    }

    [Fact]
    public void Read_OtherEventTypes_AreIgnoredWithAReason()
    {
        var body = """
            [
              {"id":"1","subject":"s","eventType":"Clip Deleted","eventTime":"2026-11-20T10:05:00Z","dataVersion":"1","data":{}},
              {"specversion":"1.0","type":"com.example.other","source":"/x","id":"2","data":{}}
            ]
            """;

        var outcomes = Reader.Read(BinaryData.FromString(body));

        var first = Assert.IsType<EventIgnored>(outcomes[0]);
        Assert.Equal("Clip Deleted", first.EventType);
        Assert.Contains("only 'Begin Clip Generation' events start work", first.Reason, StringComparison.Ordinal);
        Assert.Equal("com.example.other", Assert.IsType<EventIgnored>(outcomes[1]).EventType);
    }

    [Fact]
    public void Read_EventBridgeOfOtherType_IsIgnored()
    {
        var outcome = Assert.Single(Reader.Read(BinaryData.FromString("""{"id":"e1","detail-type":"Clip Archived","detail":{}}""")));

        Assert.Equal("Clip Archived", Assert.IsType<EventIgnored>(outcome).EventType);
    }

    [Fact]
    public void Read_BatchWithOneBadEvent_StillReadsTheOthers()
    {
        var good = Encoding.UTF8.GetString(Example("eventgrid.json").ToArray()).Trim().TrimStart('[').TrimEnd(']');
        var body = $$$"""
            [
              {{{good}}},
              {"id":"bad","subject":"s","eventType":"Begin Clip Generation","eventTime":"2026-11-20T10:05:00Z","dataVersion":"1",
               "data":{"clipId":"x","manifest":"s3://other/x.m3u8","segments":[{"startTime":"00:61:00","endTime":1}]}},
              42,
              {{{good}}}
            ]
            """;

        var outcomes = Reader.Read(BinaryData.FromString(body));

        Assert.Equal(4, outcomes.Count);
        Assert.IsType<ClipRequested>(outcomes[0]);
        var invalid = Assert.IsType<EventInvalid>(outcomes[1]);
        Assert.Equal("bad", invalid.EventId);
        Assert.Contains(invalid.Problems, p => p.Field == "[1].data.segments[0].startTime" && p.Reason.Contains("hh:mm:ss", StringComparison.Ordinal));
        Assert.Contains(invalid.Problems, p => p.Field == "[1].data.manifest" && p.Reason.Contains("bucket 'other'", StringComparison.Ordinal));
        Assert.Equal("[2]", Assert.Single(Assert.IsType<EventInvalid>(outcomes[2]).Problems).Field);
        Assert.IsType<ClipRequested>(outcomes[3]);
    }

    [Theory]
    [InlineData("not json", "$", "not JSON")]
    [InlineData("", "$", "not JSON")]
    [InlineData("42", "$", "event object or an array")]
    [InlineData("[]", "$", "no events")]
    [InlineData("""{"hello":"world"}""", "$", "no 'detail-type', 'eventType' or 'specversion'")]
    [InlineData("""{"id":"1","detail-type":"Begin Clip Generation"}""", "detail", "is required")]
    [InlineData("""{"id":"1","detail-type":"Begin Clip Generation","detail":null}""", "detail", "is required")]
    [InlineData("""{"id":"1","detail-type":7,"detail":{}}""", "detail-type", "must be a string")]
    [InlineData("""{"id":"1","detail-type":"Begin Clip Generation","detail":[1]}""", "detail", "must be a JSON object")]
    [InlineData("""{"id":"1","detail-type":"Begin Clip Generation","detail":{"manifest":"s3://recordings/x.m3u8","segments":[{"startTime":1,"endTime":2}]}}""", "detail.clipId", "is required")]
    [InlineData("""[{"eventType":"Begin Clip Generation","data":{}}]""", "[0].id", "is required by the Event Grid schema")]
    [InlineData("""[{"id":"1","subject":"s","eventType":"Begin Clip Generation","eventTime":"yesterday","dataVersion":"1","data":{}}]""", "[0]", "not a valid Event Grid event")]
    [InlineData("""[{"id":"1","subject":"s","eventType":"Begin Clip Generation","eventTime":"2026-11-20T10:05:00Z","dataVersion":"1"}]""", "[0].data", "is required by the Event Grid schema")]
    [InlineData("""[{"id":"1","subject":"s","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-20T10:05:00Z","dataVersion":"1","data":{}}]""", "[0].data.validationCode", "must carry")]
    [InlineData("""{"specversion":"1.0","type":"Begin Clip Generation"}""", "$", "not a valid CloudEvent")]
    [InlineData("""{"specversion":"1.0","type":"Begin Clip Generation","source":"/x","id":"c1"}""", "data", "is required")]
    [InlineData("""[{"id":"1","subject":"s","eventType":"Begin Clip Generation","eventTime":"2026-11-20T10:05:00Z","dataVersion":"1","data":{"detail-type":"Begin Clip Generation"}}]""", "[0].data.detail", "is required")]
    public void Read_MalformedEnvelope_IsInvalidWithPathAndReason(string body, string field, string reason)
    {
        var outcome = Assert.Single(Reader.Read(BinaryData.FromString(body)));

        var invalid = Assert.IsType<EventInvalid>(outcome);
        Assert.Contains(invalid.Problems, p => p.Field == field && p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ParsedEventGridEvent_RequestsTheClip()
    {
        var gridEvent = new EventGridEvent("clips/a", "Begin Clip Generation", "1.0", BinaryData.FromString("""{"clipId":"a","manifest":"s3://recordings/a.m3u8","segments":[{"startTime":1,"endTime":2}]}"""));

        var requested = Assert.IsType<ClipRequested>(Reader.Read(gridEvent));

        Assert.Equal("a", requested.Request.ClipId);
        Assert.Equal(gridEvent.Id, requested.EventId);
    }

    [Fact]
    public void Read_ParsedCloudEventWithBadRequest_ListsProblemsUnderData()
    {
        var cloudEvent = new CloudEvent("/x", "Begin Clip Generation", BinaryData.FromString("""{"clipId":"a","segments":[]}"""), "application/json");

        var invalid = Assert.IsType<EventInvalid>(Reader.Read(cloudEvent));

        Assert.Contains(invalid.Problems, p => p.Field == "data.manifest");
        Assert.Contains(invalid.Problems, p => p.Field == "data.segments");
    }

    private static BinaryData Example(string name)
        => BinaryData.FromBytes(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "events", name)));
}
