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
    public FaultInjectingHttpClientFactory(HttpStatusCode status, string errorCode, int faults)
    {
        Handler = new FaultInjectingHandler(status, errorCode, faults);
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
    private int _faultsLeft;
    private int _requests;
    private int _injected;

    public FaultInjectingHandler(HttpStatusCode status, string errorCode, int faults)
        : base(new HttpClientHandler())
    {
        _status = status;
        _errorCode = errorCode;
        _faultsLeft = faults;
    }

    public int Requests => Volatile.Read(ref _requests);

    public int Injected => Volatile.Read(ref _injected);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (Interlocked.Decrement(ref _faultsLeft) >= 0)
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
