using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using IntercomPS.HelpGen;

// Usage: IntercomPS.HelpGen <docs folder> <output .xml>. Every Verb-Noun.md page in the folder becomes one
// command in the MAML file; other markdown there (ARCHITECTURE.md, ...) is not cmdlet help and is left alone.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: IntercomPS.HelpGen <docs folder> <output IntercomPS.dll-Help.xml>");
    return 2;
}
var (docs, output) = (args[0], args[1]);
if (!Directory.Exists(docs))
{
    Console.Error.WriteLine($"{docs}: error HELPGEN: no such folder");
    return 1;
}

var pages = new List<CommandPage>();
int errors = 0;
foreach (var path in Directory.GetFiles(docs, "*-*.md").OrderBy(p => p, StringComparer.Ordinal))
{
    try
    {
        var page = PageReader.Read(path);
        if (page.ExternalHelpFile != Path.GetFileName(output))
            throw new PageException(path, 2, $"external help file is '{page.ExternalHelpFile}' but this build writes '{Path.GetFileName(output)}'");
        pages.Add(page);
    }
    catch (PageException e)
    {
        // The canonical "file(line): error CODE: message" form makes MSBuild report it as a build error.
        Console.Error.WriteLine(e.Message);
        errors++;
    }
}
if (errors > 0) return 1;

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
using (var writer = XmlWriter.Create(output, settings)) MamlWriter.Write(pages).Save(writer);
Console.WriteLine($"{pages.Count} cmdlet help pages -> {output}");
return 0;
