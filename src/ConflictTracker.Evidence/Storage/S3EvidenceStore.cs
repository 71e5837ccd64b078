using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ConflictTracker.Evidence.Storage;

/// <summary>
/// Evidence blobs in a bucket of an S3-compatible server, under <see cref="S3EvidenceOptions.Prefix"/> + key.
/// A put first asks whether the key exists (HEAD) and does nothing if so; otherwise it streams the file (one
/// PutObject, or a multipart upload from <see cref="S3EvidenceOptions.MultipartThresholdBytes"/> on). S3 makes an
/// object visible only once it is complete, so a reader never sees half a blob.
/// </summary>
public sealed class S3EvidenceStore : IEvidenceStore, IDisposable
{
    private readonly IAmazonS3 _client;
    private readonly S3EvidenceOptions _options;
    private readonly string _prefix;

    public S3EvidenceStore(S3EvidenceOptions options)
        : this(CreateClient(options), options) { }

    private S3EvidenceStore(IAmazonS3 client, S3EvidenceOptions options)
    {
        _client = client;
        _options = options;
        _prefix = options.Prefix.Length == 0 || options.Prefix.EndsWith('/') ? options.Prefix : options.Prefix + "/";
    }

    public string Name => "s3";

    /// <summary>Creates the bucket unless it exists (for a first start and for tests; production buckets are
    /// usually made by the operator, with their own policies).</summary>
    public async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client
                .HeadBucketAsync(new HeadBucketRequest { BucketName = _options.Bucket }, cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound) { }
        try
        {
            await _client
                .PutBucketAsync(new PutBucketRequest { BucketName = _options.Bucket }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou" or "BucketAlreadyExists")
        {
            // Made meanwhile by another instance.
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _client
                .GetObjectMetadataAsync(_options.Bucket, ObjectKey(key), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task PutFileAsync(
        string key,
        string localPath,
        string contentType,
        CancellationToken cancellationToken
    )
    {
        if (await ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var length = new FileInfo(localPath).Length;
        if (length >= _options.MultipartThresholdBytes)
        {
            await S3MultipartUpload
                .RunAsync(_client, _options, ObjectKey(key), localPath, length, contentType, cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        var request = new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = ObjectKey(key),
            FilePath = localPath,
            ContentType = contentType,
            UseChunkEncoding = false,
        };
        await _client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task PutBytesAsync(
        string key,
        ReadOnlyMemory<byte> bytes,
        string contentType,
        CancellationToken cancellationToken
    )
    {
        if (await ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var stream = MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        await using (stream.ConfigureAwait(false))
        {
            var request = new PutObjectRequest
            {
                BucketName = _options.Bucket,
                Key = ObjectKey(key),
                InputStream = stream,
                ContentType = contentType,
                UseChunkEncoding = false,
            };
            await _client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client
                .GetObjectAsync(_options.Bucket, ObjectKey(key), cancellationToken)
                .ConfigureAwait(false);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode == "NoSuchKey")
        {
            return null;
        }
    }

    /// <summary>The keys under a prefix in ordinal order, <see cref="S3EvidenceOptions.ListPageSize"/> a
    /// request.</summary>
    public async IAsyncEnumerable<string> ListAsync(
        string prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        EvidenceKeys.CheckedPrefix(prefix);
        var request = new ListObjectsV2Request
        {
            BucketName = _options.Bucket,
            Prefix = _prefix + prefix,
            MaxKeys = _options.ListPageSize,
        };
        while (true)
        {
            var page = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            // AWSSDK v4: collections are null (not empty) when the response has none.
            foreach (var item in page.S3Objects ?? [])
            {
                var key = item.Key[_prefix.Length..];
                if (EvidenceKeys.IsKey(key))
                {
                    yield return key;
                }
            }
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                yield break;
            }
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public void Dispose() => _client.Dispose();

    private string ObjectKey(string key) => _prefix + EvidenceKeys.CheckedKey(key);

    private static AmazonS3Client CreateClient(S3EvidenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Bucket))
        {
            throw new ArgumentException("An S3 evidence store needs a bucket (Evidence:S3:Bucket).", nameof(options));
        }
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // AWSSDK v4 adds CRC checksums to every upload by default (as aws-chunked trailers); many S3-compatible
            // servers reject or mis-store those. Checksums only where an operation requires one.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        return options.AccessKey.Length == 0 && options.SecretKey.Length == 0
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
