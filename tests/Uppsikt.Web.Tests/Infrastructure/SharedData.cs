namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>Files of the shared data folder that sits beside the repository (shared/ next to the clone).</summary>
public static class SharedData
{
    /// <summary>Kolada's unit register, <c>shared/data/kolada/ou.json</c>; fails with where it looked when it is missing.</summary>
    public static string KoladaUnits => Find(Path.Combine("shared", "data", "kolada", "ou.json"));

    /// <summary>The folder holding Uppsikt.slnx.</summary>
    public static DirectoryInfo Repository
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Uppsikt.slnx")))
                {
                    return folder;
                }
            }
            throw new InvalidOperationException($"No Uppsikt.slnx above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Looks beside the repository first, then beside each folder above it (a work tree may sit one level deeper).</summary>
    private static string Find(string relative)
    {
        var tried = new List<string>();
        for (var folder = Repository.Parent; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
            tried.Add(candidate);
        }
        throw new FileNotFoundException($"The shared data file {relative} is missing; looked at:{Environment.NewLine}{string.Join(Environment.NewLine, tried)}");
    }
}
