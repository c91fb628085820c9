#!/usr/bin/perl
# Reads .reg files (UTF-16 LE with BOM, as regedit writes them) with hivex's own parser,
# Win::Hivex::Regedit::reg_import (Debian libwin-hivex-perl), in the given order, and prints
# the resulting keys as JSON: {"HKEY_…\\path": {"name": [type, "hex bytes"]}}.
#
# reg_import writes through a hive handle; this in-memory one has the handle's methods it
# calls, so the reading is hivex's, not the project's. Intermediate keys are created as
# regedit does (hivex alone refuses a key whose parent is missing). Parse errors die: exit 2.
use strict;
use warnings;
use JSON::PP;
use Win::Hivex::Regedit qw(reg_import);

package MemoryHive;

sub new { my ($class) = @_; my $self = bless { nodes => [], values => [] }, $class;
          $self->_node("", undef); return $self }
sub _node { my ($self, $name, $parent) = @_;
            push @{$self->{nodes}}, { name => $name, parent => $parent, children => {},
                                      values => [], alive => 1 };
            my $id = $#{$self->{nodes}};
            $self->{nodes}[$parent]{children}{lc $name} = $id if defined $parent;
            return $id }
sub root { 0 }
sub node_get_child { my ($self, $node, $name) = @_;
                     my $child = $self->{nodes}[$node]{children}{lc $name};
                     return (defined $child && $self->{nodes}[$child]{alive}) ? $child : undef }
sub node_add_child { my ($self, $parent, $name) = @_; return $self->_node($name, $parent) }
sub node_delete_child { my ($self, $node) = @_;
                        my $n = $self->{nodes}[$node]; $n->{alive} = 0;
                        delete $self->{nodes}[$n->{parent}]{children}{lc $n->{name}};
                        $self->node_delete_child($_) for values %{$n->{children}} }
sub node_values { my ($self, $node) = @_; return @{$self->{nodes}[$node]{values}} }
sub value_key { my ($self, $value) = @_; return $self->{values}[$value]{key} }
sub value_value { my ($self, $value) = @_; my $v = $self->{values}[$value];
                  return ($v->{t}, $v->{value}) }
sub node_set_values { my ($self, $node, $list) = @_;
                      my @ids; for (@$list) { push @{$self->{values}}, { %$_ };
                                              push @ids, $#{$self->{values}} }
                      $self->{nodes}[$node]{values} = \@ids }
sub path { my ($self, $node) = @_; my @parts;
           for (my $n = $node; $n != 0; $n = $self->{nodes}[$n]{parent}) {
               unshift @parts, $self->{nodes}[$n]{name} }
           return join "\\", @parts }

package main;

my %hives;
my $map = sub {
    my ($path) = @_;
    $path =~ s/^(HKEY_[A-Z_]+)//i or die "not under a root key: $path\n";
    my $h = $hives{uc $1} //= MemoryHive->new;
    my @parts = grep { length } split /\\/, $path;
    pop @parts;
    my $node = $h->root;
    for my $part (@parts) {
        $node = $h->node_get_child($node, $part) // $h->node_add_child($node, $part);
    }
    return ($h, $path);
};

for my $file (@ARGV) {
    open my $fh, "<:raw:encoding(UTF-16LE)", $file or die "$file: $!\n";
    eval { reg_import($fh, $map, encoding => "utf-16le"); 1 } or do { print STDERR $@; exit 2 };
    close $fh;
}

my %out;
for my $root (sort keys %hives) {
    my $h = $hives{$root};
    for my $id (1 .. $#{$h->{nodes}}) {
        next unless $h->{nodes}[$id]{alive};
        my %values = map { my ($t, $data) = $h->value_value($_);
                           ($h->value_key($_) => [$t, unpack("H*", $data)]) }
                     $h->node_values($id);
        $out{"$root\\" . $h->path($id)} = \%values;
    }
}
print JSON::PP->new->canonical->encode(\%out), "\n";
