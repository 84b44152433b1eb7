// The floor of start-up for helpdesk-bench --startup: a Foundation hello world, built like the
// program (same toolchain, same mode), so that what `helpdesk` adds to a start is its own.
import Foundation

FileHandle.standardOutput.write(Data("hello, world\n".utf8))
