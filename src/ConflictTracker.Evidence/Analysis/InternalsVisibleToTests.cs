using System.Runtime.CompilerServices;

// The analysis tests drive the process runner and the bounded gzip reader directly.
[assembly: InternalsVisibleTo("ConflictTracker.Evidence.Tests")]
