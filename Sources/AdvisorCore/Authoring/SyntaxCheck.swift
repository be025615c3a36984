/// Reads every data file on its own, so that a syntax error in each file is reported, not
/// only the first one the loader meets.
enum SyntaxCheck {
    static func findings(_ root: DataRoot) -> [Finding] {
        var findings: [Finding] = []
        for folder in [DataRoot.intentsFolder, DataRoot.knowledgeFolder] {
            let files: [String]
            do { files = try root.yamlFiles(in: folder) } catch let error as DataError {
                findings.append(Finding(error))
                continue
            } catch {
                continue
            }
            for file in files {
                do { _ = try root.parse(file) } catch let error as DataError {
                    findings.append(Finding(error))
                } catch {
                    findings.append(Finding(.error, file: file, "\(error)"))
                }
            }
        }
        do { _ = try root.read("\(DataRoot.intentsFolder)/everyday-words.txt") } catch let error as DataError {
            findings.append(Finding(error))
        } catch {}
        return findings
    }
}
