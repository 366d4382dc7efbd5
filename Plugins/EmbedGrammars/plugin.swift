import Foundation
import PackagePlugin

/// Embeds every `.peg` and `.tsv` file of the package's `Grammars/` folder into the target,
/// as `EmbeddedGrammars.files`, by running GrammarEmbedder at build time. The files are the
/// command's inputs, so editing one rebuilds; the folder is listed again at every build, so
/// adding or removing one does too.
@main
struct EmbedGrammars: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("Grammars", isDirectory: true)
        let listing = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        let inputs = listing
            .filter { ["peg", "tsv"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
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
