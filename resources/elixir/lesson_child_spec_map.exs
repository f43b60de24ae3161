%{
  id: Counter,               # unique identifier
  start: {Counter, :start_link, [0]},  # {Module, function, args}
  restart: :permanent,       # :permanent | :temporary | :transient
  shutdown: 5000,            # milliseconds to wait for graceful shutdown
  type: :worker              # :worker | :supervisor
}
