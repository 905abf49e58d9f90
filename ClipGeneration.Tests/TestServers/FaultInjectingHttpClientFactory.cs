using System.Net;
using System.Text;
using Amazon.Runtime;

namespace ClipGeneration.Tests.TestServers;

/// <summary>
/// Puts <see cref="FaultInjectingHandler"/> under the AWS SDK: the first <c>faults</c> requests are answered with
/// <c>status</c> and an S3 error body without reaching the server; later ones pass through.
/// </summary>
public sealed class FaultInjectingHttpClientFactory : HttpClientFactory
{
    public FaultInjectingHttpClientFactory(HttpStatusCode status, string errorCode, int faults, int everyNth = 0)
    {
        Handler = new FaultInjectingHandler(status, errorCode, faults, everyNth);
    }

    public FaultInjectingHandler Handler { get; }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(Handler, disposeHandler: false);

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}

public sealed class FaultInjectingHandler : DelegatingHandler
{
    private readonly HttpStatusCode _status;
    private readonly string _errorCode;
    private readonly int _everyNth;
    private int _faultsLeft;
    private int _requests;
    private int _injected;

    /// <summary>Answers some requests with an S3 error instead of passing them to the server.</summary>
    /// <param name="status">The status each injected fault answers with.</param>
    /// <param name="errorCode">The S3 error code in the injected body.</param>
    /// <param name="faults">How many faults to inject in all.</param>
    /// <param name="everyNth">0: the first requests fail; N: every Nth request fails (an endpoint failing "for a while").</param>
    public FaultInjectingHandler(HttpStatusCode status, string errorCode, int faults, int everyNth = 0)
        : base(new HttpClientHandler())
    {
        _status = status;
        _errorCode = errorCode;
        _faultsLeft = faults;
        _everyNth = everyNth;
    }

    public int Requests => Volatile.Read(ref _requests);

    public int Injected => Volatile.Read(ref _injected);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _requests);
        var due = _everyNth <= 0 || number % _everyNth == 0;
        if (due && Interlocked.Decrement(ref _faultsLeft) >= 0)
        {
            Interlocked.Increment(ref _injected);
            var body = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{_errorCode}</Code><Message>injected fault</Message><RequestId>fault</RequestId></Error>";
            return new HttpResponseMessage(_status)
            {
                RequestMessage = request,
                Content = new StringContent(body, Encoding.UTF8, "application/xml"),
            };
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
