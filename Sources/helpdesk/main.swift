import HelpDeskCommands

HelpDesk.run()
