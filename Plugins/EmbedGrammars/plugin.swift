import Foundation
import PackagePlugin

/// Embeds every `.peg` and `.tsv` file of the package's `Grammars/` folder into the target,
/// as `EmbeddedGrammars.files`, by running GrammarEmbedder at build time. The files and the
/// folder are the command's inputs, so editing, adding or removing a file rebuilds.
@main
struct EmbedGrammars: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        // Resolved first: Foundation on Linux lists a symlink to a folder as empty.
        let folder = context.package.directoryURL
            .appendingPathComponent("Grammars", isDirectory: true)
            .resolvingSymlinksInPath()
        let inputs: [URL]
        do {
            inputs = try FileManager.default
                .contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { ["peg", "tsv"].contains($0.pathExtension) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            Diagnostics.warning("EmbedGrammars: cannot list \(folder.path): no grammar is built in")
            inputs = []
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedGrammars.swift")
        // The folder is an input too, and GrammarEmbedder lists it again when it runs: SwiftPM
        // asks this plugin for commands again only when the manifest changes, but adding or
        // removing a file changes the folder's modification time, which reruns the command.
        return [
            .buildCommand(
                displayName: "Embedding grammar files into \(target.name)",
                executable: try context.tool(named: "GrammarEmbedder").url,
                arguments: [output.path, folder.path],
                inputFiles: [folder] + inputs,
                outputFiles: [output]
            ),
        ]
    }
}
