using ConflictTracker.Evidence.Analysis;
using ConflictTracker.Evidence.Storage;
using Microsoft.Extensions.Options;

namespace ConflictTracker.Web.Features.Evidence;

internal static class EvidenceSetup
{
    /// <summary>The evidence services, and the store the <c>Evidence:Store</c> setting names (disk or s3).</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<EvidenceOptions>()
            .Bind(configuration.GetSection(EvidenceOptions.Section))
            .Validate(o => o.Store is "disk" or "s3", "Evidence:Store must be disk or s3.")
            .Validate(
                o => o.Store != "s3" || (o.S3.ServiceUrl is { Length: > 0 } && o.S3.Bucket is { Length: > 0 }),
                "Evidence:S3:ServiceUrl and Evidence:S3:Bucket are needed when Evidence:Store is s3."
            )
            .Validate(o => o.MaxFileBytes > 0, "Evidence:MaxFileBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton<EvidencePaths>();
        services.AddSingleton<IEvidenceStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EvidenceOptions>>().Value;
            if (options.Store == "s3")
            {
                var s3 = options.S3;
                return new S3EvidenceStore(
                    new S3EvidenceOptions
                    {
                        ServiceUrl = s3.ServiceUrl!,
                        Bucket = s3.Bucket!,
                        AccessKey = s3.AccessKey ?? "",
                        SecretKey = s3.SecretKey ?? "",
                        Region = s3.Region,
                        ForcePathStyle = s3.ForcePathStyle,
                        Prefix = s3.Prefix,
                    }
                );
            }

            return new DiskEvidenceStore(provider.GetRequiredService<EvidencePaths>().DiskRoot);
        });
        services.AddSingleton(provider => new MediaAnalyser(
            new MediaLimits { MaxPixels = provider.GetRequiredService<IOptions<EvidenceOptions>>().Value.MaxPixels },
            provider.GetRequiredService<ILogger<MediaAnalyser>>()
        ));
        services.AddSingleton<FootageMatcher>();
        services.AddScoped<EvidenceIntake>();
        services.AddScoped<EvidenceReader>();
        services.AddScoped<EvidenceVerifier>();
        services.AddScoped<EvidenceCustodian>();
        services.AddScoped<ResumableUploads>();
        return services;
    }
}
