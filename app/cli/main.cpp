// suplab-cli: see docs/man/suplab-cli.1.
#include "CliCommands.h"

#include <iostream>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return suplab::runCli(args, std::cout, std::cerr);
}
