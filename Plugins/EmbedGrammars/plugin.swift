import Foundation
import PackagePlugin

/// Embeds every `.peg` and `.tsv` file of the package's `Grammars/` folder into the target,
/// as `EmbeddedGrammars.files`, by running GrammarEmbedder at build time. The files are the
/// command's inputs, so editing one rebuilds; the folder is listed again at every build, so
/// adding or removing one does too.
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
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) grammar file(s) into \(target.name)",
                executable: try context.tool(named: "GrammarEmbedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
