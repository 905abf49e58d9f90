using ClipGeneration.Core.Records;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClipGeneration.Core.Storage.Configuration;

public static class ClipStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMediaStore"/> (a <see cref="MediaStoreRouter"/>), <see cref="IClipRecordStore"/> and the
    /// validated <see cref="ClipStorageSettings"/> as singletons, chosen by <see cref="ClipStorageFactory"/>.
    /// </summary>
    /// <exception cref="ClipStorageConfigurationException">The configuration is invalid; thrown here, at startup.</exception>
    public static IServiceCollection AddClipStorage(this IServiceCollection services, IConfiguration configuration, string? defaultSqlitePath = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = ClipStorageFactory.ReadSettings(configuration, defaultSqlitePath);
        services.AddSingleton(settings);
        services.AddSingleton<IMediaStore>(_ => ClipStorageFactory.CreateMediaStore(settings));
        services.AddSingleton(_ => ClipStorageFactory.CreateRecordStore(settings));
        return services;
    }
}
