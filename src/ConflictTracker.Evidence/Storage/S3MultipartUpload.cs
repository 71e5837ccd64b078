using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ConflictTracker.Evidence.Storage;

/// <summary>A large file uploaded in parts, one after the other, each read straight from the file; the upload is
/// aborted (its parts discarded by the server) when a part fails or the upload is cancelled.</summary>
internal static class S3MultipartUpload
{
    public static async Task RunAsync(
        IAmazonS3 client,
        S3EvidenceOptions options,
        string objectKey,
        string localPath,
        long length,
        string contentType,
        CancellationToken cancellationToken
    )
    {
        var started = await client
            .InitiateMultipartUploadAsync(
                new InitiateMultipartUploadRequest
                {
                    BucketName = options.Bucket,
                    Key = objectKey,
                    ContentType = contentType,
                },
                cancellationToken
            )
            .ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            for (long position = 0, number = 1; position < length; position += options.PartSizeBytes, number++)
            {
                var part = new UploadPartRequest
                {
                    BucketName = options.Bucket,
                    Key = objectKey,
                    UploadId = started.UploadId,
                    PartNumber = (int)number,
                    FilePath = localPath,
                    FilePosition = position,
                    PartSize = Math.Min(options.PartSizeBytes, length - position),
                    IsLastPart = position + options.PartSizeBytes >= length,
                    UseChunkEncoding = false,
                };
                var uploaded = await client.UploadPartAsync(part, cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag((int)number, uploaded.ETag));
            }
            await client
                .CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest
                    {
                        BucketName = options.Bucket,
                        Key = objectKey,
                        UploadId = started.UploadId,
                        PartETags = parts,
                    },
                    cancellationToken
                )
                .ConfigureAwait(false);
        }
        catch
        {
            await AbortAsync(client, options.Bucket, objectKey, started.UploadId).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task AbortAsync(IAmazonS3 client, string bucket, string objectKey, string uploadId)
    {
        try
        {
            var request = new AbortMultipartUploadRequest
            {
                BucketName = bucket,
                Key = objectKey,
                UploadId = uploadId,
            };
            await client.AbortMultipartUploadAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AmazonServiceException)
        {
            // The server drops abandoned parts itself (a bucket lifecycle rule); the original error matters more.
        }
    }
}
